import pkg from '../../package.json' with { type: 'json' };

/** The version shown in "Giới thiệu" and app.info, from package.json. */
export const APP_VERSION: string = pkg.version;
