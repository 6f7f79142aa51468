export const syncTick = async (): Promise<never> => {
  throw new Error('syncTick is not built yet');
};
