import type { KeyboardEvent } from 'react';
import { DatagridBody, type DatagridBodyProps, DatagridRow } from 'react-admin';

const openOnEnter = (event: KeyboardEvent<HTMLTableRowElement>) => {
  if (event.key === 'Enter' && event.target === event.currentTarget) event.currentTarget.click();
};

/** A list's rows as the keyboard reaches them: each takes focus with Tab, and Enter opens it as a click does. */
export function FocusableRows(props: DatagridBodyProps) {
  return <DatagridBody {...props} row={<DatagridRow tabIndex={0} onKeyDown={openOnEnter} />} />;
}
