import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { DocumentSignature, SignatureSummary } from './signature.js';

/** What one import produced for one entry (or one refused input): the CLI's and the screen's result (DESIGN §5, issue 4). */
export const ImportStatus = z.enum(['registered', 'needs_review', 'duplicate', 'rejected']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const DocumentReference = z.object({
  type: z.string().nullable(),
  number: z.number().int().nullable(),
  symbol: z.string().nullable(),
  date: z.string().nullable(),
  text: z.string(),
});

const Reasoned = { confidence: z.number(), reasons: z.array(z.string()) };

/** What the header of a received document says, as recognised (or corrected by the clerk). */
const DocumentFields = {
  agency: z.string().nullable(),
  parentAgency: z.string().nullable(),
  number: z.number().int().nullable(),
  symbol: z.string().nullable(),
  type: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  subject: z.string().nullable(),
  signer: z.string().nullable(),
};

export const ImportResult = z.object({
  file: z.string(),
  attachment: z.string().nullable(),
  status: ImportStatus,
  reason: z.string().nullable(),
  entryId: Id.nullable(),
  arrivalNumber: z.number().int().nullable(),
  arrivalYear: z.number().int().nullable(),
  receivedDate: IsoDate.nullable(),
  document: z
    .object({
      ...DocumentFields,
      recipients: z.array(z.string()),
      references: z.array(DocumentReference),
      /** Where the text came from: a text layer, OCR of a scan, or legacy TCVN3/VNI converted. */
      textSource: z.enum(['text', 'ocr', 'legacy-converted']),
      /** Digital signatures of the main PDF; the chain to a trusted root is never checked offline. */
      signatures: z.array(SignatureSummary),
    })
    .nullable(),
  period: z.object({ key: z.string().nullable(), ...Reasoned }).nullable(),
  unit: z.object({ id: Id.nullable(), name: z.string().nullable(), ...Reasoned }).nullable(),
  dispatch: z.object({ id: Id.nullable(), number: z.number().int().nullable(), symbol: z.string().nullable(), ...Reasoned }).nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const IncomingFile = z.object({
  id: Id,
  sha256: z.string(),
  fileName: z.string(),
  displayPath: z.string(),
  role: z.string(),
  contentKind: z.string(),
  readNote: z.string().nullable(),
  /** The file's digital signatures (PDF), in signing order. */
  signatures: z.array(DocumentSignature),
});

/** A received document as the screens show it. */
export const IncomingDocument = z.object({
  id: Id,
  status: z.enum(['registered', 'needs_review']),
  source: z.enum(['import', 'paper']),
  arrivalYear: z.number().int(),
  arrivalNumber: z.number().int(),
  receivedDate: IsoDate,
  reviewReason: z.string().nullable(),
  ...DocumentFields,
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  unitConfidence: z.number().nullable(),
  unitReasons: z.array(z.string()),
  dispatchId: Id.nullable(),
  dispatchConfidence: z.number().nullable(),
  dispatchReasons: z.array(z.string()),
  periodKey: z.string().nullable(),
  periodConfidence: z.number().nullable(),
  periodReasons: z.array(z.string()),
  forwardedTo: z.string().nullable(),
  forwardedDate: z.string().nullable(),
  notes: z.string().nullable(),
  files: z.array(IncomingFile),
});
export type IncomingDocument = z.infer<typeof IncomingDocument>;

/** A reporting period as the clerk types it: 2021, 2022-H1, 2023-Q3, 2023-07 or once. */
const PeriodKeyInput = z
  .string()
  .regex(/^(\d{4}(-(H[12]|Q[1-4]|\d{2}))?|once)$/, 'Kỳ báo cáo không hợp lệ (ví dụ 2021, 2022-H1, 2023-Q3, 2023-07).');

export const ReviewCorrection = z.object({
  agency: z.string().trim().max(300).nullable(),
  number: z.number().int().positive().nullable(),
  symbol: z.string().trim().max(50).nullable(),
  date: IsoDate.nullable(),
  type: z.string().trim().max(100).nullable(),
  subject: z.string().trim().max(1000).nullable(),
  unitId: Id.nullable(),
  dispatchId: Id.nullable(),
  periodKey: PeriodKeyInput.nullable(),
  /** Remember the agency text as another name of the chosen unit, so the next import matches it. */
  rememberAlias: z.boolean().default(false),
});
export type ReviewCorrection = z.input<typeof ReviewCorrection>;

export const PaperDocument = z.object({
  receivedDate: IsoDate,
  agency: z.string().trim().min(1, 'Hãy nhập tác giả (cơ quan gửi).').max(300),
  number: z.number().int().positive().nullable().default(null),
  symbol: z.string().trim().max(50).nullable().default(null),
  date: IsoDate.nullable().default(null),
  type: z.string().trim().max(100).nullable().default(null),
  subject: z.string().trim().min(1, 'Hãy nhập trích yếu.').max(1000),
  unitId: Id.nullable().default(null),
  dispatchId: Id.nullable().default(null),
  periodKey: PeriodKeyInput.nullable().default(null),
  notes: z.string().trim().max(1000).nullable().default(null),
});
export type PaperDocument = z.input<typeof PaperDocument>;

export const IncomingRegisterRow = z.object({
  documentId: Id,
  receivedDate: z.string(),
  arrivalNumber: z.number().int(),
  author: z.string(),
  numberAndSymbol: z.string(),
  date: z.string(),
  typeAndSubject: z.string(),
  forwardedTo: z.string(),
  forwardedDate: z.string(),
  notes: z.string(),
});

/**
 * Where a received document stands in "Chờ xác nhận" (số đến order), for the review screen's
 * "n/N" and its next and previous documents, without loading the queue. The queue wraps round:
 * after the last comes the first. For a document no longer waiting (just confirmed), position is
 * null and its neighbours are the waiting documents around its số đến.
 */
export const ReviewNeighbours = z.object({
  position: z.number().int().positive().nullable(),
  total: z.number().int().nonnegative(),
  previousId: Id.nullable(),
  nextId: Id.nullable(),
});
export type ReviewNeighbours = z.infer<typeof ReviewNeighbours>;
