export const privacyReport = async (): Promise<never> => {
  throw new Error('privacyReport is not built yet');
};
