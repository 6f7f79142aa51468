export const dashboardResolver = async (): Promise<never> => {
  throw new Error('dashboardResolver is not built yet');
};
