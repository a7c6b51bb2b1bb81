import type messages from "@/messages/zh-CN";
import type { Locale as AppLocale } from "@/i18n/config";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
