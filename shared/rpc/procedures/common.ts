import { z } from 'zod';

export const none = z.object({}).strict();
export const caseId = z.string().min(1).max(64);
