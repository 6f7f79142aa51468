import React from 'react';
import { Button, SectionMessage, Text } from '@forge/react';
import type { ResultError } from '../../../shared/result';

/**
 * A resolver error in words a dashboard viewer can act on. Access refusals explain themselves
 * and offer no retry; a misconfigured gadget points to its edit mode.
 */
export function ProblemMessage(props: { error: ResultError; onRetry?: () => void }) {
  const { error, onRetry } = props;
  if (error.code === 'FORBIDDEN') {
    return (
      <SectionMessage appearance="information" title="Team activity is not shared with you">
        <Text>{error.message}</Text>
      </SectionMessage>
    );
  }
  if (error.code === 'BAD_REQUEST' || error.code === 'NOT_FOUND') {
    return (
      <SectionMessage appearance="warning" title="This gadget needs new settings">
        <Text>{error.message}</Text>
        <Text>Choose Edit in the gadget's menu to fix them.</Text>
      </SectionMessage>
    );
  }
  return (
    <SectionMessage appearance="error" title="Team activity could not be loaded">
      <Text>{error.message}</Text>
      {onRetry ? <Button onClick={onRetry}>Try again</Button> : null}
    </SectionMessage>
  );
}
