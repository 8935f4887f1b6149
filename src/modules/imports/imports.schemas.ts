import { z } from 'zod';
import { columnsOf, type ExportTable } from '../../platform/http/table-export.js';
import { idSchema, instantSchema, lineSchema, exportCodesSchema, listFormatSchema, pageQuerySchema } from '../../platform/schemas.js';
import { IMPORT_KINDS } from './imports.fields.js';
import { DATE_FORMATS } from './imports.values.js';
import * as enums from '../../platform/db/enums.js';

export const importKindSchema = z.enum(IMPORT_KINDS);
export const dateFormatSchema = z.enum(DATE_FORMATS).describe('YMD 1985-04-03, DMY 03/04/1985, MDY 04/03/1985');
export const IMPORT_STATUSES = enums.IMPORT_STATUSES;
export const COMMIT_MODES = enums.COMMIT_MODES;

export const IMPORT_ACTIONS = ['delete'] as const;
export const MAPPING_ACTIONS = ['delete'] as const;

/** 60 MB: a roster of several hundred thousand rows; bigger files are split. */
export const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;

export const UPLOAD_CONTENT_TYPES = [
  'text/csv',
  'text/tab-separated-values',
  'application/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/octet-stream',
] as const;

export const uploadQuerySchema = z.strictObject({
  kind: importKindSchema,
  filename: lineSchema(255).describe('The file’s name, as the user chose it.'),
  organizationId: idSchema.optional().describe('People: the agency of rows that name none (a coordinator’s own agency by default).'),
  offeringId: idSchema.optional().describe('Enrollments: the offering the attendance sheet is for (required for that kind).'),
  mappingId: idSchema.optional().describe('A saved mapping to apply to the columns.'),
});
export type UploadInput = z.infer<typeof uploadQuerySchema>;

const columnIndexSchema = z.number().int().min(0).max(20_000).describe('0-based column index.');
const columnFieldSchema = z.strictObject({
  column: columnIndexSchema,
  field: z.string().max(40).nullable().describe('A field key of the kind (GET /api/imports/kinds), or null: the column goes to no field (confirm it with `leftOut`).'),
});

export const updateImportSchema = z
  .strictObject({
    mapping: z.array(columnFieldSchema).max(20_000).optional().describe('Replaces the whole mapping. A column it maps is no longer left out.'),
    leftOut: z
      .array(columnIndexSchema)
      .max(20_000)
      .optional()
      .describe('Replaces the columns confirmed as left out (0-based indexes): every column with a header or data must go to a field or be confirmed here before the rows are checked.'),
    mappingId: idSchema.optional().describe('Applies a saved mapping (by header names) instead.'),
    dateFormat: dateFormatSchema.nullable().optional(),
    sheet: lineSchema(100).optional().describe('XLSX: the worksheet to read.'),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1', 'macintosh']).optional().describe('CSV: the text encoding, when detection got it wrong.'),
    delimiter: z.enum([',', ';', '\t', '|']).optional().describe('CSV: the column delimiter, when detection got it wrong.'),
    headerRow: z.number().int().min(1).max(1000).optional().describe('The row that holds the headers (1 = the first).'),
    organizationId: idSchema.nullable().optional(),
    offeringId: idSchema.nullable().optional(),
  })
  .meta({ id: 'UpdateImport' });
export type UpdateImportInput = z.infer<typeof updateImportSchema>;

export const commitImportSchema = z
  .strictObject({
    mode: z.enum(COMMIT_MODES).default('all').describe('`all`: nothing is written if any row has a problem. `valid_only`: the valid rows, in one transaction; the others are skipped.'),
    leaveOutRows: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'With `valid_only` (required there): how many rows the import leaves out, as the last check of these settings found them (`rowCount − validCount`). Another number is refused, so rows are left out only by someone who saw them.',
      ),
  })
  .meta({ id: 'CommitImport' });

const summarySchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
});
export type ImportSummary = z.infer<typeof summarySchema>;

export const importSchema = z
  .object({
    id: idSchema,
    kind: importKindSchema,
    status: z.enum(IMPORT_STATUSES),
    filename: z.string(),
    format: z.enum(enums.IMPORT_FORMATS),
    byteSize: z.number().int(),
    sha256: z.string(),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    sheet: z.string().nullable(),
    sheets: z.array(z.string()),
    headerRow: z.number().int(),
    headers: z.array(z.string()),
    preview: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })).describe('The first rows after the header, as read.'),
    mapping: z
      .array(
        z.object({
          column: z.number().int(),
          header: z.string(),
          field: z.string().nullable(),
          state: z
            .enum(['mapped', 'left_out', 'empty', 'unconfirmed'])
            .describe('`mapped`: goes to `field`. `left_out`: confirmed as left out. `empty`: no header and nothing in the first rows. `unconfirmed`: nobody said yet where it goes.'),
        }),
      )
      .describe('Every column of the file (as wide as its header or its widest first row), with where it goes.'),
    missingFields: z.array(z.string()).describe('Required fields no column maps to: validating is refused until they are mapped.'),
    unconfirmedColumns: z.array(z.string()).describe('Columns (by header, or “column N”) that go to no field and were not confirmed as left out: validating is refused until each is mapped or left out.'),
    dateFormat: dateFormatSchema.nullable(),
    dateFormatStatus: z
      .enum(['detected', 'chosen', 'needed', 'conflict', 'none'])
      .describe('`needed`: every date reads both ways (03/04): choose one. `conflict`: some read only day-first and others only month-first.'),
    organizationId: idSchema.nullable(),
    offeringId: idSchema.nullable(),
    rowCount: z.number().int().describe('Data rows read (blank rows aside); known once validated.'),
    validCount: z.number().int().nullable(),
    problemCount: z.number().int().nullable(),
    progress: z.number().int().min(0).max(100),
    message: z.string().nullable(),
    mode: z.enum(COMMIT_MODES).nullable(),
    summary: summarySchema.nullable(),
    sameFileImportedAt: instantSchema.nullable().describe('When a file with the same SHA-256 was last committed: importing it again changes nothing.'),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    finishedAt: instantSchema.nullable(),
    version: z.number().int(),
    allowedActions: z.array(z.enum(IMPORT_ACTIONS)).describe('What the caller may do with it: `delete`.'),
  })
  .meta({ id: 'Import' });
export type ImportView = z.infer<typeof importSchema>;

export const importListItemSchema = importSchema.pick({
  id: true,
  kind: true,
  status: true,
  filename: true,
  byteSize: true,
  sha256: true,
  rowCount: true,
  validCount: true,
  problemCount: true,
  progress: true,
  summary: true,
  createdAt: true,
  finishedAt: true,
});
export type ImportListItem = z.infer<typeof importListItemSchema>;

export const listImportsQuerySchema = pageQuerySchema.extend({ kind: importKindSchema.optional() });

export const importProblemSchema = z
  .object({
    row: z.number().int().describe('The row number a spreadsheet program shows (the header is row 1 in most files).'),
    column: z.number().int().nullable().describe('0-based column index, when one column is at fault.'),
    columnName: z.string().nullable(),
    field: z.string().nullable(),
    value: z.string().nullable(),
    reason: z.string(),
  })
  .meta({ id: 'ImportProblem' });
export type ImportProblem = z.infer<typeof importProblemSchema>;

const problemColumn = columnsOf<ImportProblem>();
/** The problems as a spreadsheet (CSV or XLSX download, `cadre import --problems`). */
export const PROBLEM_TABLE: ExportTable<ImportProblem> = {
  name: 'import-problems',
  title: 'Import problems',
  columns: [
    problemColumn.number('row', 'Row', (p) => p.row),
    problemColumn.number('column', 'Column', (p) => (p.column === null ? null : p.column + 1)),
    problemColumn.text('column_name', 'Column header', (p) => p.columnName),
    problemColumn.text('field', 'Field', (p) => p.field),
    problemColumn.text('value', 'Value', (p) => p.value),
    problemColumn.text('reason', 'Problem', (p) => p.reason),
  ],
};

export const listProblemsQuerySchema = pageQuerySchema.extend({ format: listFormatSchema, codes: exportCodesSchema });

export const fieldSchema = z.object({ key: z.string(), label: z.string(), description: z.string(), isDate: z.boolean() });
export const kindSchema = z
  .object({
    kind: importKindSchema,
    label: z.string(),
    fields: z.array(fieldSchema),
    requires: z.array(z.array(z.string())).describe('Alternatives: the mapping must cover every field of one.'),
  })
  .meta({ id: 'ImportKind' });

export const createMappingSchema = z
  .strictObject({
    kind: importKindSchema,
    name: lineSchema(100),
    columns: z.record(z.string().max(200), z.string().max(40)).describe('Header → field key.'),
    leftOut: z.array(z.string().max(200)).max(20_000).default([]).describe('Headers left out: a file with these columns has them confirmed as left out.'),
    dateFormat: dateFormatSchema.nullable().default(null),
  })
  .meta({ id: 'CreateImportMapping' });
export type CreateMappingInput = z.infer<typeof createMappingSchema>;

export const mappingSchema = z
  .object({
    id: idSchema,
    kind: importKindSchema,
    name: z.string(),
    scope: z.enum(['office', 'agency', 'own']).describe('office: everyone’s; agency: a coordinator’s agency’s; own: one instructor’s.'),
    columns: z.record(z.string(), z.string()),
    leftOut: z.array(z.string()).describe('Headers it leaves out.'),
    dateFormat: dateFormatSchema.nullable(),
    createdAt: instantSchema,
    allowedActions: z.array(z.enum(MAPPING_ACTIONS)).describe('`delete`: the caller keeps this mapping (staff: any; a coordinator: their agency’s; an instructor: their own).'),
  })
  .meta({ id: 'ImportMapping' });
export type MappingView = z.infer<typeof mappingSchema>;

export const listMappingsQuerySchema = z.strictObject({ kind: importKindSchema.optional() });
