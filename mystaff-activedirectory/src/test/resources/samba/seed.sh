#!/bin/bash
# Seeds the DC under $1: the domain policy the tests expect, two OUs standing in for administrative
# units, users, a protected administrator, a fine-grained policy and a service account that holds
# only "Reset Password" (and write pwdLastSet) on OU=Sales.
set -euo pipefail
D=${1:?target dir}; PW=${ADMIN_PASSWORD:-'Adm1n!Passw0rd'}; SVC_PW=${SERVICE_PASSWORD:-'Service-Passw0rd!'}
st() { samba-tool "$@" -s "$D/etc/smb.conf" -H ldap://127.0.0.1 -U "Administrator%$PW"; }
BASE=DC=contoso,DC=example
st domain passwordsettings set --min-pwd-age=0 --max-pwd-age=60 --history-length=5 --min-pwd-length=10 --complexity=on >/dev/null
st ou create OU=Sales,$BASE >/dev/null
st ou create OU=Engineering,$BASE >/dev/null
st user create ada 'Initial-Passw0rd!' --userou=OU=Sales --given-name=Ada --surname=Lovelace >/dev/null
st user create nora 'Initial-Passw0rd!' --userou=OU=Sales --given-name=Nora --surname=Neverexpires >/dev/null
st user setexpiry nora --noexpiry >/dev/null
st user create yuri 'Initial-Passw0rd!' --userou=OU=Sales --given-name=Yuri --surname=Young >/dev/null
st user create root 'Initial-Passw0rd!' --userou=OU=Sales --given-name=Rita --surname=Root >/dev/null
for u in sam tia uma; do st user create "$u.synced" 'Initial-Passw0rd!' --userou=OU=Sales >/dev/null; done
st user create cmendez 'Initial-Passw0rd!' --userou=OU=Sales --given-name=Carlos --surname=Mendez >/dev/null   # the retail demo's Carlos
st user create grace 'Initial-Passw0rd!' --userou=OU=Engineering --given-name=Grace --surname=Hopper >/dev/null
st user create svc-writeback "$SVC_PW" >/dev/null
st group addmembers "Domain Admins" root >/dev/null
# A fine-grained policy for yuri: minimum age one day, so a second change the same day is too young.
st domain passwordsettings pso create young-pso 10 --min-pwd-age=1 --max-pwd-age=30 --history-length=3 \
  --min-pwd-length=12 --complexity=on >/dev/null
st domain passwordsettings pso apply young-pso yuri >/dev/null
SID=$(st user show svc-writeback | awk '/^objectSid:/{print $2}')
USER=bf967aba-0de6-11d0-a285-00aa003049e2      # user class
RESET=00299570-246d-11d0-a768-00aa006e0529     # Reset Password extended right
PWDLASTSET=bf967a0a-0de6-11d0-a285-00aa003049e2
st dsacl set --objectdn=OU=Sales,$BASE --sddl="(OA;CIIO;CR;$RESET;$USER;$SID)(OA;CIIO;WP;$PWDLASTSET;$USER;$SID)" >/dev/null
# The policy source reads fine-grained policies: AD lets only administrators read them by default.
st dsacl set --objectdn="CN=Password Settings Container,CN=System,$BASE" --sddl="(A;CI;RPLCLORC;;;$SID)" >/dev/null
# Samba runs no SDProp: do its job for root, a Domain Admin (AdminSDHolder's descriptor, inheritance
# blocked, adminCount=1), so the reset right delegated on OU=Sales does not reach it, as in AD.
/usr/bin/python3 - "$D" "$PW" <<'PY'
import sys, ldb
from samba.samdb import SamDB
from samba.auth import system_session
from samba.param import LoadParm
from samba.credentials import Credentials
from samba.dcerpc import security
from samba.ndr import ndr_pack, ndr_unpack
d, pw = sys.argv[1], sys.argv[2]
lp = LoadParm(); lp.load(d + "/etc/smb.conf")
creds = Credentials(); creds.guess(lp); creds.set_username("Administrator"); creds.set_password(pw)
db = SamDB(url="ldap://127.0.0.1", credentials=creds, session_info=system_session(), lp=lp)
base = "DC=contoso,DC=example"
sid = db.get_domain_sid()
holder = db.search(base="CN=AdminSDHolder,CN=System," + base, scope=ldb.SCOPE_BASE, attrs=["nTSecurityDescriptor"])
sddl = ndr_unpack(security.descriptor, holder[0]["nTSecurityDescriptor"][0]).as_sddl(security.dom_sid(sid))
# SDProp copies AdminSDHolder's explicit ACEs and blocks inheritance (D:P): Windows' AdminSDHolder is D:PAI.
dacl = sddl[sddl.index("D:"):sddl.index("S:") if "S:" in sddl else len(sddl)]
aces = [a + ")" for a in dacl[dacl.index("("):].split(")") if a and "ID" not in a.split(";")[1].replace("CI", "")]
protected = sddl[:sddl.index("D:")] + "D:PAI" + "".join(aces)
sd = security.descriptor.from_sddl(protected, security.dom_sid(sid))
user = db.search(base=base, expression="(sAMAccountName=root)", attrs=["dn"])[0].dn
m = ldb.Message(); m.dn = user
m["nTSecurityDescriptor"] = ldb.MessageElement(ndr_pack(sd), ldb.FLAG_MOD_REPLACE, "nTSecurityDescriptor")
m["adminCount"] = ldb.MessageElement("1", ldb.FLAG_MOD_REPLACE, "adminCount")
db.modify(m, controls=["sd_flags:1:4"])
PY
# The CA that signed the DC's LDAPS certificate, for the tests' trust store.
cp "$D/private/tls/ca.pem" "$D/ca.pem"
