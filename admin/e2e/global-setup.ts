import type { TestProject } from 'vitest/node';

import { startProduct } from './support/product.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    consoleUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const product = await startProduct();
  project.provide('consoleUrl', product.url);
  return () => product.stop();
}
