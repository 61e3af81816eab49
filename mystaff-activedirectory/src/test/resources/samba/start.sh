#!/bin/bash
# Provisions a throwaway Samba AD DC (realm CONTOSO.EXAMPLE) under $1 and starts it on 127.0.0.1
# (LDAP 389 and LDAPS 636, fixed by Samba: one DC per machine). Only the ldap and cldap services
# run (no KDC, SMB or DNS). Records the PID in $1/samba.pid. See ../shared/INFRA.md section 2c.
set -euo pipefail
D=${1:?target dir}; PW=${ADMIN_PASSWORD:-'Adm1n!Passw0rd'}
rm -rf "$D"; mkdir -p "$D"
samba-tool domain provision --targetdir="$D" --use-rfc2307 --realm=CONTOSO.EXAMPLE --domain=CONTOSO \
  --server-role=dc --dns-backend=NONE --adminpass="$PW" --host-ip=127.0.0.1 \
  --option="interfaces = lo" --option="bind interfaces only = yes" \
  --option="server services = ldap, cldap" --option="netbios name = DC1" \
  --option="log file = $D/log/log.%m" --option="pid directory = $D/run" \
  --option="ncalrpc dir = $D/run/ncalrpc" --option="winbindd socket directory = $D/run/winbindd" \
  > "$D.provision.log" 2>&1 || { cat "$D.provision.log"; exit 1; }
mkdir -p "$D/log" "$D/run"
# Not persisted when passed to provision; without it the previous password still binds for 60 minutes.
sed -i '/^\[global\]/a \\told password allowed period = 0' "$D/etc/smb.conf"
nohup samba -i -M single -s "$D/etc/smb.conf" > "$D/log/samba.out" 2>&1 &
echo $! > "$D/samba.pid"
for i in $(seq 1 300); do (echo > /dev/tcp/127.0.0.1/636) 2>/dev/null && break; sleep 0.1; done
(echo > /dev/tcp/127.0.0.1/636) 2>/dev/null || { cat "$D/log/samba.out"; exit 1; }
