# Sourced by bench.sh: the private OpenSSH server the SFTP section pulls from.

sftp_user=phonecrm-sftp # the tests' user (PhoneCrm.Tests/Infrastructure/SshTestUser.cs), shared with them
sftp_pid_file=""

# Whether the benchmark's options leave the SFTP section in (BenchOptions.RunsSftp says the same).
sftp_section_runs() {
  local no="" only="" only_other=""
  for arg in "$@"; do
    case "$arg" in
      --no-sftp) no=yes ;;
      --only-sftp) only=yes ;;
      --only-softphone | --only-conversion) only_other=yes ;;
    esac
  done
  [ -n "$only" ] || { [ -z "$no" ] && [ -z "$only_other" ]; }
}

# The account exactly as SshTestUser makes it. Its password lives in the same root-only file the test
# processes share: a password of our own would break a concurrent test run's password logins. Setting it
# also unlocks the account, without which sshd refuses even key logins.
ensure_sftp_user() {
  id -u "$sftp_user" >/dev/null 2>&1 ||
    useradd --no-create-home --home-dir / --shell /usr/sbin/nologin "$sftp_user"
  local file="${TMPDIR:-/tmp}/phonecrm-sftp-test-user.password"
  if [ ! -s "$file" ]; then
    (set -o noclobber; umask 077
     printf 'Pw-%s' "$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$file") 2>/dev/null || sleep 1
  fi
  printf '%s:%s\n' "$sftp_user" "$(tr -d '\n' < "$file")" | chpasswd
}

# Starts sshd on a free loopback port with a fresh ed25519 host key and client key in $1, and exports
# PHONECRM_BENCH_SFTP_* for SftpSection. Without root (useradd, sshd) the section reports "not measured".
start_sftp_server() {
  local dir="$1" port="" attempt
  if [ "$(id -u)" -ne 0 ]; then
    echo "Not root: no SFTP server, so the SFTP section is not measured." >&2
    return 0
  fi
  mkdir -p "$dir/root" /run/sshd # sshd's privilege separation needs /run/sshd
  chmod 755 "$dir" # the SFTP user reaches root/ and authorized_keys through it; private keys stay 0600
  ssh-keygen -q -t ed25519 -N "" -C phonecrm-bench-host -f "$dir/ssh_host_ed25519_key"
  ssh-keygen -q -t ed25519 -N "" -C phonecrm-bench-client -f "$dir/client_key"
  cp "$dir/client_key.pub" "$dir/authorized_keys"
  chmod 644 "$dir/authorized_keys"
  ensure_sftp_user
  chown -R "$sftp_user:" "$dir/root"

  for attempt in 1 2 3 4 5; do
    port=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue # taken
    cat > "$dir/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $dir/ssh_host_ed25519_key
PidFile $dir/sshd.pid
AllowUsers $sftp_user
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthorizedKeysFile $dir/authorized_keys
StrictModes no
PermitRootLogin no
MaxStartups 100
Subsystem sftp internal-sftp
Match User $sftp_user
    ForceCommand internal-sftp -d $dir/root
CONFIG
    # Without -D sshd binds, then goes to the background and writes its PidFile.
    if /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log"; then
      sftp_pid_file="$dir/sshd.pid"
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then
    echo "sshd did not start; its log:" >&2
    tail -n 20 "$dir/sshd.log" >&2 || true
    exit 1
  fi
  for _ in $(seq 50); do [ -s "$sftp_pid_file" ] && break; sleep 0.1; done
  echo "OpenSSH sshd (internal-sftp) on 127.0.0.1:$port for $sftp_user, files in $dir/root"
  export PHONECRM_BENCH_SFTP_PORT="$port" PHONECRM_BENCH_SFTP_USER="$sftp_user" PHONECRM_BENCH_SFTP_ROOT="$dir/root"
  export PHONECRM_BENCH_SFTP_KEY="$dir/client_key" PHONECRM_BENCH_SFTP_HOST_KEY="$dir/ssh_host_ed25519_key.pub"
}

# Stops the listener; per-connection sshd processes end with their connections (the app is gone by then).
stop_sftp_server() {
  [ -n "$sftp_pid_file" ] && [ -s "$sftp_pid_file" ] && kill "$(cat "$sftp_pid_file")" 2>/dev/null || true
  sftp_pid_file=""
}
