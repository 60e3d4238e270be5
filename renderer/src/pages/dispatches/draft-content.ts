import { DispatchContent, type Dispatch } from '../../../../shared/domain/dispatch';

/** The editable part of a stored dispatch. */
export function contentOf(dispatch: Dispatch): DispatchContent {
  return DispatchContent.parse(dispatch);
}

/**
 * What is sent when a draft is saved: the lines the clerk left blank (a reference, a "Nơi
 * nhận" line, a free-text recipient still being typed) are not part of the document yet.
 */
export function savableContent(content: DispatchContent): DispatchContent {
  return {
    ...content,
    subject: content.subject.trim(),
    recipients: content.recipients.filter((r) => r.label.trim()),
    references: content.references.map((line) => line.trim()).filter(Boolean),
    distribution: content.distribution.map((line) => line.trim()).filter(Boolean),
  };
}
