// Every request a test makes to a site emulator must be one the official OpenAPI documents
// define (local/site/request-check.ts). A violation nobody claimed fails the test that made it.
import { formatViolations, takeViolations } from '../../local/site/request-check';

const failOnViolations = (): void => {
  const left = takeViolations();
  if (left.length > 0) throw new Error(formatViolations(left));
};

afterEach(failOnViolations);
afterAll(failOnViolations);
