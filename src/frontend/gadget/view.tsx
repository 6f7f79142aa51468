import React from 'react';
import ForgeReconciler from '@forge/react';
import { GadgetView } from './components/gadget-view';

ForgeReconciler.render(<GadgetView />);
