// Options shared by every rule built on the lifetime engine.
import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';

export interface UserResourceSpecifier {
  /** The type, in typescript-eslint's TypeOrValueSpecifier shape. */
  type: TypeOrValueSpecifier;
  /** Methods that release it. */
  release: string[];
  /** Whether it is a pooling client (the report then advises reusing one instance). */
  pooling?: boolean;
}

export interface LifetimeOptions {
  /** Report resources left open when a call or `await` between creation and release throws. */
  checkExceptionPaths: boolean;
  /** Report resources created at the top level of a module. */
  checkModuleScope: boolean;
  /** What passing a resource to a function without a body in the program means. */
  unknownCallees: 'transfer' | 'borrow';
  /** Extra resource types. */
  resources: UserResourceSpecifier[];
  /** Types that are never reported. */
  ignore: TypeOrValueSpecifier[];
}

export const DEFAULT_LIFETIME_OPTIONS: LifetimeOptions = {
  checkExceptionPaths: false,
  checkModuleScope: false,
  unknownCallees: 'transfer',
  resources: [],
  ignore: [],
};
