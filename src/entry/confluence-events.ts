export const confluenceEvents = async (): Promise<never> => {
  throw new Error('confluenceEvents is not built yet');
};
