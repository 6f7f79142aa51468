export const syncWorker = async (): Promise<never> => {
  throw new Error('syncWorker is not built yet');
};
