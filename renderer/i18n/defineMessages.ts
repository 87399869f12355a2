// A feature's messages live beside the feature, in all three languages; the central catalogs
// spread them in. The type makes en and es carry exactly the keys of zh-CN.
export interface FeatureMessages<Z extends Record<string, string>> {
  zhCN: Z;
  en: { [K in keyof Z]: string };
  es: { [K in keyof Z]: string };
}

export function defineMessages<Z extends Record<string, string>>(messages: FeatureMessages<Z>): FeatureMessages<Z> {
  return messages;
}
