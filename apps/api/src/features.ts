import type { Type } from '@nestjs/common';

/** Feature modules (one folder per feature), wired into the app here. */
export const FEATURE_MODULES: Type[] = [];
