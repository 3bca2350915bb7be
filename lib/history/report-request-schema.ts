/**
 * The check a report of a wrong verdict passes before it is stored: a
 * content script runs in pages it cannot trust.
 */
import { z } from 'zod';
import { REPORT_LIMITS, type VerdictReportRequest } from './verdict-report.ts';

/**
 * What a content script or an extension page says is wrong: checked before
 * anything is stored, since a content script runs in pages it cannot trust.
 * The page's address is never the message's: the background takes the sender's.
 */
export const VerdictReportRequestSchema: z.ZodType<VerdictReportRequest> = z.strictObject({
  requestId: z
    .string()
    .regex(/^[0-9a-f-]{8,64}$/)
    .optional(),
  claim: z.string().trim().min(1).max(REPORT_LIMITS.claim),
  verdict: z.enum(['supported', 'contradicted', 'unverified']),
  reason: z.string().max(REPORT_LIMITS.reason),
  /** The facts the verdict was checked against, as the engine names them. */
  factIds: z.array(z.string().min(1).max(200)).max(REPORT_LIMITS.facts),
  note: z.string().max(REPORT_LIMITS.note),
});
