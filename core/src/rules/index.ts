import { actionDueDate } from './action-due-date';
import { actionOwner } from './action-owner';
import { duplicateSection } from './duplicate-section';
import { emptySection } from './empty-section';
import { fieldValue } from './field-value';
import { fileReadable } from './file-readable';
import { frontMatterMissing } from './front-matter-missing';
import { frontMatterYaml } from './front-matter-yaml';
import { incidentTimes } from './incident-times';
import { placeholderText } from './placeholder-text';
import { preventiveAction } from './preventive-action';
import { requiredField } from './required-field';
import { requiredSection } from './required-section';
import { rootCauseCategory } from './root-cause-category';
import { sectionOrder } from './section-order';
import { severityLevel } from './severity-level';
import { timelineOrder } from './timeline-order';
import { timelineTime } from './timeline-time';
import type { Rule } from './types';

/** Every rule, in the order their findings are best read. */
export const RULES: readonly Rule[] = [
  fileReadable,
  frontMatterMissing,
  frontMatterYaml,
  requiredField,
  fieldValue,
  severityLevel,
  rootCauseCategory,
  incidentTimes,
  requiredSection,
  duplicateSection,
  sectionOrder,
  emptySection,
  timelineTime,
  timelineOrder,
  actionOwner,
  actionDueDate,
  preventiveAction,
  placeholderText,
];

export type { Fix, Problem, Rule, RuleContext, TextEdit } from './types';
