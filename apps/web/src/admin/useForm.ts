import { reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError, headline } from '../api/problems';
import { formErrors } from './forms';

type Locale = 'zh-CN' | 'en';

/**
 * One form's state around a call to the service: busy while it runs; on a refusal each message
 * next to the field it names (fields: the form's own), the rest in `general` at the top.
 */
export function useForm(fields: readonly string[]) {
  const { t, locale } = useI18n();
  const errors = reactive<Record<string, string>>({});
  const general = ref<string[]>([]);
  const busy = ref(false);

  function clear() {
    for (const key of Object.keys(errors)) delete errors[key];
    general.value = [];
  }

  function show(error: unknown) {
    clear();
    const lang = locale.value as Locale;
    if (!(error instanceof ApiError)) {
      general.value = [t('state.error')];
      return;
    }
    if ([400, 409, 422].includes(error.status) && error.problem.detail) {
      const spread = formErrors(error.problem, fields, lang);
      Object.assign(errors, spread.fields);
      // A conflict the admin phrases do not know (a concurrent change) reads as the status says.
      general.value = spread.general.map((m) =>
        error.status === 409 && /^[\x20-\x7e]+$/.test(m) && lang === 'zh-CN' ? headline(error, lang) : m,
      );
      return;
    }
    general.value = [headline(error, lang)];
  }

  /** Runs the call; its result, or null when it was refused (the errors are then shown). */
  async function run<T>(action: () => Promise<T>): Promise<T | null> {
    clear();
    busy.value = true;
    try {
      return await action();
    } catch (error) {
      show(error);
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { errors, general, busy, run, clear, show };
}
