#!/bin/bash
# A local Postfix for `npm run bench` (section 4: smtp-doctor probe vs swaks), on loopback only:
# submission on 127.0.0.1:10587 with STARTTLS required (a self-signed certificate for 127.0.0.1, which
# the probe trusts with --ca and swaks with --tls-ca-path) and SASL AUTH PLAIN through Dovecot's auth
# service (passwd-file with one user). Debian packages: postfix swaks dovecot-core.
#   bench/postfix.sh start   configures (idempotent) and starts; prints host:port user password ca
#   bench/postfix.sh stop    stops Postfix and the Dovecot auth service it started
# Needs root (it writes /etc/postfix and /etc/dovecot/bench). Port 25 is not listened on.
set -eu
DIR=/etc/dovecot/bench
CERT=/etc/postfix/bench-cert.pem
KEY=/etc/postfix/bench-key.pem
PORT=10587
USER_NAME=bench@smtpdoctor.test
PASSWORD=bench-password

stop() {
  postfix stop >/dev/null 2>&1 || true
  if [ -f "$DIR/run/master.pid" ]; then
    pid=$(cat "$DIR/run/master.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}

case "${1:-}" in
stop)
  stop
  exit 0
  ;;
start) ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac

[ "$(id -u)" = 0 ] || { echo "not root: cannot configure Postfix" >&2; exit 3; }
command -v postfix >/dev/null || { echo "postfix is not installed" >&2; exit 3; }
command -v dovecot >/dev/null || { echo "dovecot-core is not installed (SASL)" >&2; exit 3; }

if [ ! -s "$CERT" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
    -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost \
    -keyout "$KEY" -out "$CERT" >/dev/null 2>&1
  chmod 600 "$KEY"
fi

mkdir -p "$DIR/run"
printf '%s:{PLAIN}%s\n' "$USER_NAME" "$PASSWORD" >"$DIR/users"
chgrp dovecot "$DIR/users"
chmod 640 "$DIR/users"
cat >"$DIR/dovecot.conf" <<CONF
# Only the auth service, for Postfix's SASL (bench/postfix.sh).
protocols =
base_dir = $DIR/run
auth_mechanisms = plain login
ssl = no
log_path = $DIR/dovecot.log
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DIR/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=/nonexistent
}
service auth {
  unix_listener /var/spool/postfix/private/bench-auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
CONF

postconf -e \
  inet_interfaces=loopback-only \
  inet_protocols=ipv4 \
  myhostname=smtpdoctor.test \
  mydestination= \
  smtpd_tls_cert_file="$CERT" \
  smtpd_tls_key_file="$KEY" \
  smtpd_tls_security_level=may \
  smtpd_sasl_type=dovecot \
  smtpd_sasl_path=private/bench-auth \
  smtpd_sasl_auth_enable=yes \
  smtpd_tls_auth_only=yes \
  smtpd_relay_restrictions=permit_sasl_authenticated,reject
# No listener on port 25; submission on a high loopback port, TLS required.
postconf -MX smtp/inet >/dev/null 2>&1 || true
postconf -M "127.0.0.1:$PORT/inet=127.0.0.1:$PORT inet n - n - - smtpd -o smtpd_tls_security_level=encrypt -o smtpd_sasl_auth_enable=yes"

stop
# The daemons must not keep this script's output open: the bench waits for it to close.
dovecot -c "$DIR/dovecot.conf" </dev/null >/dev/null 2>&1
postfix start </dev/null >/dev/null 2>&1 || postfix reload </dev/null >/dev/null 2>&1
# Wait for the listener.
for _ in 1 2 3 4 5 6 7 8 9 10; do
  if (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; then break; fi
  sleep 0.3
done
echo "127.0.0.1:$PORT $USER_NAME $PASSWORD $CERT"
