export const gadgetResolver = async (): Promise<never> => {
  throw new Error('gadgetResolver is not built yet');
};
