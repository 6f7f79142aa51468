import React from 'react';
import ForgeReconciler from '@forge/react';
import { GadgetEdit } from './components/gadget-edit';

ForgeReconciler.render(<GadgetEdit />);
