export const jiraEvents = async (): Promise<never> => {
  throw new Error('jiraEvents is not built yet');
};
