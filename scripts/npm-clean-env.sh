# Sourced by the set-up scripts. `env $(clean_npm_env_args) npm …` runs npm with none of the
# variables an outer npm exports to its scripts (`npm test`, `npm start`), so a nested install
# behaves as it does from a plain shell. Without this, code-server's postinstall read the outer npm's user agent
# ("node/v20…") from npm_config_user_agent and refused to install under Node 24.
# Kept: settings that say where and how to reach packages (registry, cache, proxies, certificates),
# which a machine may set in the environment rather than in an npmrc.
clean_npm_env_args() {
  local name
  for name in $(compgen -e); do
    case "$name" in
      npm_config_registry|npm_config_cache|npm_config_userconfig|npm_config_globalconfig|\
      npm_config_cafile|npm_config_ca|npm_config_proxy|npm_config_https_proxy|npm_config_noproxy|\
      npm_config_strict_ssl|npm_config_prefer_offline|npm_config_offline) ;;
      npm_*|NPM_*|INIT_CWD|NODE) printf -- '-u %s ' "$name" ;;
    esac
  done
}
