#!/usr/bin/env bash
# Container images of ReferralNet's processes, built offline on this machine and kept in a local registry:
#   deploy/images.sh          the base image (once: Debian from debootstrap, with this machine's .NET runtime), then
#                             every process's image with the SDK's container publishing, pushed to the registry
#   deploy/images.sh smoke    runs those images with podman (host network, limits below the machine's) against
#                             private PostgreSQL and RabbitMQ servers and waits for every /health/ready
# The registry listens on 127.0.0.1:${REFERRALNET_REGISTRY_PORT:-5000} while the command runs; its data stays in
# .images/. In production the base is a setting: REFERRALNET_BASE_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/deploy/lib/servers.sh"
source "$root/deploy/lib/network.sh"

command=${1:-build}
case $command in build | smoke) ;; *) echo "usage: deploy/images.sh [smoke]" >&2; exit 2 ;; esac
store=${REFERRALNET_IMAGES:-$root/.images}
registry_port=${REFERRALNET_REGISTRY_PORT:-5000}
registry=127.0.0.1:$registry_port
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime=$(find "$dotnet_root/shared/Microsoft.AspNetCore.App" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -1)
base=${REFERRALNET_BASE_IMAGE:-$registry/referralnet/aspnet:$runtime}
# The images' user (the same number as Microsoft's images' "app" user, so the manifests hold for both).
app_uid=1654

missing=()
for tool in podman runc umoci skopeo debootstrap docker-registry; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"
mkdir -p "$store"

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -z "${servers_dir:-}" ] || { stop_rabbitmq "$servers_dir/rabbitmq" "$rabbit_port"; stop_postgres "$servers_dir/postgres"; rm -rf "$servers_dir"; }
}
trap stop_all EXIT
trap 'exit 130' INT TERM

cat > "$store/registry.yml" <<CONFIG
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $store/registry }, delete: { enabled: true } }
http: { addr: "$registry" }
CONFIG
docker-registry serve "$store/registry.yml" >>"$store/registry.log" 2>&1 &
pids+=($!)
wait_for_port 127.0.0.1 "$registry_port" 20 || { log "The registry did not start on $registry; see $store/registry.log"; exit 1; }
# The registry speaks plain HTTP; the SDK allows that for the registries named here (its build servers, started
# without this setting, are not used).
export SDK_CONTAINER_INSECURE_REGISTRIES=$registry DOTNET_CONTAINER_INSECURE_REGISTRIES=$registry

# The base: Debian's minimal system, the libraries .NET needs (ICU: the pages are Japanese; tzdata: deadlines in
# Japan's time), the ASP.NET Core runtime of this machine's SDK, and the app user. Made once per runtime version.
build_base() {
  local work="$store/base-$runtime"
  if skopeo inspect --tls-verify=false "docker://$base" >/dev/null 2>&1; then return 0; fi
  log "Building the base image $base (once)..."
  rm -rf "$work" && mkdir -p "$work"
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata,zlib1g bookworm "$work/rootfs" \
    http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 || { log "debootstrap failed; see $work/debootstrap.log"; exit 1; }
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/* "$work"/rootfs/usr/share/{doc,man,info}
  mkdir -p "$work/rootfs/usr/share/dotnet/shared" "$work/rootfs/app"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$work/rootfs/usr/share/dotnet/"
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$work/rootfs/usr/share/dotnet/shared/"
  ln -sf /usr/share/dotnet/dotnet "$work/rootfs/usr/bin/dotnet"
  echo "app:x:$app_uid:$app_uid:app:/app:/usr/sbin/nologin" >> "$work/rootfs/etc/passwd"
  echo "app:x:$app_uid:" >> "$work/rootfs/etc/group"
  umoci init --layout "$work/oci"
  umoci new --image "$work/oci:base"
  umoci unpack --image "$work/oci:base" "$work/bundle" >/dev/null
  cp -a "$work/rootfs/." "$work/bundle/rootfs/"
  umoci repack --image "$work/oci:base" "$work/bundle"
  umoci config --image "$work/oci:base" --os linux --architecture amd64 --config.user "$app_uid" --config.workingdir /app \
    --config.env APP_UID=$app_uid --config.env ASPNETCORE_HTTP_PORTS=8080 --config.env DOTNET_RUNNING_IN_CONTAINER=true \
    --config.env DOTNET_ROOT=/usr/share/dotnet --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  skopeo copy --quiet --dest-tls-verify=false "oci:$work/oci:base" "docker://$base"
  rm -rf "$work"
}

build_images() {
  [[ $base == "$registry/"* ]] && build_base
  local name
  for name in "${processes[@]}"; do
    log "Publishing referralnet/$name:$version on $base..."
    dotnet publish "$root/$(project_of "$name")" -c Release -nologo -v:q -clp:ErrorsOnly -t:PublishContainer --disable-build-servers \
      -p:ContainerBaseImage="$base" -p:ContainerRegistry="$registry" -p:ContainerRepository="referralnet/$name" \
      -p:ContainerImageTag="$version" -p:ContainerUser=$app_uid >"$store/publish-$name.log" 2>&1 \
      || { cat "$store/publish-$name.log" >&2; exit 1; }
  done
  log "Images in $registry: $(printf 'referralnet/%s:'"$version"' ' "${processes[@]}")"
}

# Runs every image as Kubernetes would (non-root, read-only root, a /tmp of its own, limits) on the host network,
# against private servers, migrations first; done when every process answers /health/ready.
smoke() {
  servers_dir=$(mktemp -d /tmp/referralnet-smoke.XXXXXX)
  chmod 755 "$servers_dir"
  ensure_packages
  network_secrets "$servers_dir"
  web_keys=/tmp/web-keys destinations=()
  pg_port=$(free_port 20000 32000) rabbit_port=$(free_port 10000 12700)
  start_postgres "$servers_dir/postgres" "$pg_port" "$pg_password" fast
  start_rabbitmq "$servers_dir/rabbitmq" "$rabbit_port"
  local podman=(podman --cgroup-manager=cgroupfs --runtime=runc) name
  for name in "${processes[@]}"; do
    "${podman[@]}" pull --quiet --tls-verify=false "$registry/referralnet/$name:$version" >/dev/null
    ports[$name]=$(free_port 20000 32000)
  done
  gateway_port=${ports[gateway]}
  local started=$SECONDS
  for name in "${processes[@]}"; do
    process_env "$name" "${ports[$name]}"
    # Limits below the machine's: podman's default open-file and process limits are above what a sandbox may grant.
    local run=("${podman[@]}" run --rm --network host --ulimit nofile=8192:8192 --ulimit nproc=4096:4096 --read-only --tmpfs /tmp
      --user "$app_uid" --memory 512m --cpus 1
      --name "referralnet-smoke-$name-$$") variable
    for variable in "${process_vars[@]}"; do run+=(--env "$variable"); done
    if [ "$name" != gateway ]; then
      "${run[@]}" "$registry/referralnet/$name:$version" --migrate-only >>"$servers_dir/$name.log" 2>&1 \
        || { log "Migrating $name in its image failed:"; tail -20 "$servers_dir/$name.log" >&2; exit 1; }
    fi
    "${run[@]}" "$registry/referralnet/$name:$version" >>"$servers_dir/$name.log" 2>&1 &
    pids+=($!)
  done
  for name in "${processes[@]}"; do
    local deadline=$((SECONDS + 180))
    until curl -fs "http://127.0.0.1:${ports[$name]}/health/ready" -o /dev/null; do
      [ $SECONDS -lt $deadline ] || { log "$name did not become ready:"; tail -30 "$servers_dir/$name.log" >&2; exit 1; }
      sleep 0.5
    done
  done
  log "Every image is ready: $(printf '%s ' "${processes[@]}")in $((SECONDS - started)) s from the first start"
  for name in "${processes[@]}"; do podman stop --time 10 "referralnet-smoke-$name-$$" >/dev/null 2>&1 || true; done
}

declare -A ports=()
case $command in
  build) build_images ;;
  smoke) smoke ;;
esac
