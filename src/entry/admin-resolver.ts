export const adminResolver = async (): Promise<never> => {
  throw new Error('adminResolver is not built yet');
};
