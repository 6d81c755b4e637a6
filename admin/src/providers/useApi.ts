import { useDataProvider } from 'react-admin';

import type { ConsoleDataProvider } from './dataProvider';

/**
 * The console's one way to the API from a component: the dataProvider with its typed custom methods, through
 * react-admin, so an ended session signs the editor out wherever it is noticed.
 */
export const useApi = () => useDataProvider<ConsoleDataProvider>();
