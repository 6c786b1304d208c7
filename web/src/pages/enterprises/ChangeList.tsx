import type { TFieldText } from './fieldText';

export type TChange = { field: string; before: unknown; after: unknown };

export const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** "Label: old → new" lines of a change set (old omitted when there was none). */
export const ChangeList = ({ changes, text }: { changes: TChange[]; text: TFieldText }) => (
  <ul className="change-list">
    {changes.map((change) => (
      <li key={change.field}>
        <span className="change-field">{text.label(change.field)}:</span>{' '}
        {!isEmpty(change.before) && (
          <>
            <del className="change-before">{text.value(change.field, change.before)}</del>
            <span aria-hidden> → </span>
          </>
        )}
        <ins className="change-after">{text.value(change.field, change.after)}</ins>
      </li>
    ))}
  </ul>
);
