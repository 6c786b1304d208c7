import { App, Segmented } from 'antd';
import type { TLocale } from '../../../src/domain/format/format';
import { saveLocale } from '../api/me';
import { useErrorText } from '../components/errors';
import { useLocale, useT } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';

/**
 * The vi/en switch (a radio group, one click). Signed in, the choice is saved for the user
 * (PUT /api/me/locale); before sign-in it is kept in localStorage only.
 */
export const LanguageSwitch = () => {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { state, patchUser } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const signedIn = state.status === 'ready' && state.user !== null;

  const change = async (next: TLocale) => {
    setLocale(next);
    if (!signedIn) return;
    try {
      await saveLocale(next);
      patchUser({ locale: next });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Segmented<TLocale>
      aria-label={t('language.label')}
      className="language-switch"
      value={locale}
      onChange={(next) => void change(next)}
      options={[
        {
          value: 'vi',
          title: t('language.viName'),
          label: (
            <span lang="vi" aria-label={t('language.viName')}>
              {t('language.vi')}
            </span>
          ),
        },
        {
          value: 'en',
          title: t('language.enName'),
          label: (
            <span lang="en" aria-label={t('language.enName')}>
              {t('language.en')}
            </span>
          ),
        },
      ]}
    />
  );
};
