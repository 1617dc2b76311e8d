"""Drives the official Python SDK (azure-communication-identity) against the docproof
Identity emulator and checks every result.

Environment:
  COMMUNICATION_SERVICES_CONNECTION_STRING  the emulator's https connection string
  REQUESTS_CA_BUNDLE                        the emulator's self-signed certificate (PEM)

Prints "PASS <check>" or "FAIL <check>: <why>" per check, then "ALL CHECKS PASSED <n>"
and exits 0, or exits 1 if any check failed.
"""

import base64
import datetime
import email.utils
import hashlib
import hmac
import json
import os
import re
import sys
import time
import traceback
import urllib.parse

import requests
from azure.communication.identity import (
    CommunicationIdentityClient,
    CommunicationTokenScope,
    CommunicationUserIdentifier,
)
from azure.core.exceptions import HttpResponseError

CONNECTION_STRING = os.environ["COMMUNICATION_SERVICES_CONNECTION_STRING"]
CA_BUNDLE = os.environ["REQUESTS_CA_BUNDLE"]
PARTS = dict(part.split("=", 1) for part in CONNECTION_STRING.split(";") if part)
ENDPOINT = PARTS["endpoint"].rstrip("/")
ACCESS_KEY = PARTS["accesskey"]

APP_ID = "3a9f6c2e-1b7d-4e5a-9c8b-2d4e6f8a0b1c"
USER_OBJECT_ID = "7e1d2c3b-4a5f-4e6d-8c7b-9a0b1c2d3e4f"
OTHER_ID = "81e78ca8-ade5-4998-9c05-1e17f850fcfe"

client = CommunicationIdentityClient.from_connection_string(CONNECTION_STRING)
results = []


def check(name):
    def register(function):
        try:
            function()
            results.append((name, None))
            print(f"PASS {name}", flush=True)
        except Exception as error:  # noqa: BLE001 - every failure is reported
            detail = f"{type(error).__name__}: {error}"
            results.append((name, detail))
            print(f"FAIL {name}: {detail}", flush=True)
            traceback.print_exc(file=sys.stderr)
        return function

    return register


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def claims(token):
    payload = token.split(".")[1]
    payload += "=" * (-len(payload) % 4)
    return json.loads(base64.urlsafe_b64decode(payload))


EXPIRES_ON = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{7})\+00:00$")


def seconds_until(expires_on):
    """Seconds from now to an expiry, which must be in the service's wire format."""
    if isinstance(expires_on, datetime.datetime):
        moment = expires_on
    else:
        match = EXPIRES_ON.match(expires_on)
        expect(match is not None, f"expiresOn {expires_on!r} is not yyyy-MM-ddTHH:mm:ss.fffffff+00:00")
        moment = datetime.datetime.fromisoformat(
            f"{match.group(1)}.{match.group(2)[:6]}+00:00")
    return (moment - datetime.datetime.now(datetime.timezone.utc)).total_seconds()


def service_error(error):
    expect(isinstance(error, HttpResponseError), f"not an HttpResponseError: {error!r}")
    body = error.response.json()
    return error.status_code, body["error"]["code"], body["error"]["message"], body["error"].get("target")


def expect_service_error(action, status, code, message=None, target=None):
    try:
        action()
    except HttpResponseError as error:
        actual = service_error(error)
        expect(actual[0] == status, f"status {actual[0]} != {status}: {actual}")
        expect(actual[1] == code, f"code {actual[1]} != {code}: {actual}")
        if message is not None:
            expect(actual[2] == message, f"message {actual[2]!r} != {message!r}")
        if target is not None:
            expect(actual[3] == target, f"target {actual[3]!r} != {target!r}")
        return
    raise AssertionError(f"expected HTTP {status} {code}, but the call succeeded")


def introspect(token):
    """The emulator's own introspection, signed here with an independent HMAC-SHA256."""
    path = "/emulator/:introspectToken"
    body = json.dumps({"token": token}).encode()
    date = email.utils.formatdate(usegmt=True)
    content_hash = base64.b64encode(hashlib.sha256(body).digest()).decode()
    host = urllib.parse.urlparse(ENDPOINT).netloc
    string_to_sign = f"POST\n{path}\n{date};{host};{content_hash}"
    signature = base64.b64encode(
        hmac.new(base64.b64decode(ACCESS_KEY), string_to_sign.encode(), hashlib.sha256).digest()
    ).decode()
    response = requests.post(
        ENDPOINT + path,
        data=body,
        headers={
            "Content-Type": "application/json",
            "x-ms-date": date,
            "x-ms-content-sha256": content_hash,
            "Authorization": "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256"
            f"&Signature={signature}",
        },
        verify=CA_BUNDLE,
        timeout=30,
    )
    expect(response.status_code == 200, f"introspection answered {response.status_code}: {response.text}")
    return response.json()["status"]


def entra_token(app_id=APP_ID, oid=USER_OBJECT_ID, lifetime=3600):
    def encode(value):
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    payload = {"appid": app_id, "oid": oid, "exp": int(time.time()) + lifetime,
               "aud": "https://auth.msft.communication.azure.com"}
    return encode({"alg": "RS256", "typ": "JWT"}) + "." + encode(payload) + ".c2lnbmF0dXJl"


state = {}


@check("create_user")
def _():
    user = client.create_user()
    raw_id = user.properties["id"]
    expect(raw_id.startswith("8:acs:"), f"unexpected id {raw_id}")
    state["user"] = user


@check("get_token")
def _():
    token = client.get_token(state["user"], [CommunicationTokenScope.VOIP])
    expect(abs(seconds_until(token.expires_on) - 24 * 3600) < 300, f"expires_on {token.expires_on}")
    token_claims = claims(token.token)
    expect(token_claims["skypeid"] == state["user"].properties["id"][2:], f"claims {token_claims}")
    expect(token_claims["acsScope"] == "voip", f"claims {token_claims}")
    expect(introspect(token.token) == "active", "the new token is not active")
    state["token"] = token.token


@check("create_user_and_token")
def _():
    user, token = client.create_user_and_token([CommunicationTokenScope.CHAT, CommunicationTokenScope.VOIP])
    expect(user.properties["id"] != state["user"].properties["id"], "the same id twice")
    expect(claims(token.token)["acsScope"] == "chat,voip", f"claims {claims(token.token)}")
    expect(abs(seconds_until(token.expires_on) - 24 * 3600) < 300, f"expires_on {token.expires_on}")
    state["second_user"], state["second_token"] = user, token.token


@check("custom_expiration")
def _():
    token = client.get_token(
        state["user"], [CommunicationTokenScope.CHAT], token_expires_in=datetime.timedelta(hours=1))
    expect(abs(seconds_until(token.expires_on) - 3600) < 300, f"expires_on {token.expires_on}")
    _, created = client.create_user_and_token(
        [CommunicationTokenScope.VOIP], token_expires_in=datetime.timedelta(minutes=90))
    expect(abs(seconds_until(created.expires_on) - 5400) < 300, f"expires_on {created.expires_on}")
    state["hour_token"] = token.token


@check("revoke_tokens")
def _():
    client.revoke_tokens(state["user"])
    expect(introspect(state["token"]) == "revoked", "an earlier token survived the revocation")
    expect(introspect(state["hour_token"]) == "revoked", "an earlier token survived the revocation")
    later = client.get_token(state["user"], [CommunicationTokenScope.VOIP], token_expires_in=datetime.timedelta(hours=2))
    expect(introspect(later.token) == "active", "a token issued after the revocation is not active")
    expect(introspect(state["second_token"]) == "active", "another identity's token was revoked")


@check("delete_user")
def _():
    client.delete_user(state["second_user"])
    expect(introspect(state["second_token"]) == "identityDeleted", "a deleted identity's token survived")
    expect_service_error(
        lambda: client.get_token(state["second_user"], [CommunicationTokenScope.CHAT]), 404, "IdentityNotFound")
    expect_service_error(lambda: client.revoke_tokens(state["second_user"]), 404, "IdentityNotFound")
    expect_service_error(lambda: client.delete_user(state["second_user"]), 404, "IdentityNotFound")


@check("get_token_for_teams_user")
def _():
    token = client.get_token_for_teams_user(entra_token(), APP_ID, USER_OBJECT_ID)
    expect(claims(token.token)["skypeid"] == f"orgid:{USER_OBJECT_ID}", f"claims {claims(token.token)}")
    expect(abs(seconds_until(token.expires_on) - 3600) < 300, f"expires_on {token.expires_on}")
    expect(introspect(token.token) == "active", "the Teams user's token is not active")


@check("teams_exchange_errors")
def _():
    expect_service_error(
        lambda: client.get_token_for_teams_user(entra_token(), OTHER_ID, USER_OBJECT_ID),
        400, "ValidationError", "AAD application is not the expected one.", "appId")
    expect_service_error(
        lambda: client.get_token_for_teams_user(entra_token(), APP_ID, OTHER_ID),
        400, "ValidationError", "Provided AAD token issued for unexpected user.", "userId")
    expect_service_error(
        lambda: client.get_token_for_teams_user(entra_token(), "invalid", USER_OBJECT_ID),
        400, "ValidationError", "Provided AppId has invalid format.", "appId")
    expect_service_error(
        lambda: client.get_token_for_teams_user("invalid", APP_ID, USER_OBJECT_ID),
        401, "InvalidAccessToken", "Provided access token is not valid.")
    expect_service_error(
        lambda: client.get_token_for_teams_user(entra_token(lifetime=-60), APP_ID, USER_OBJECT_ID),
        401, "InvalidAccessToken", "Provided access token is not valid.")


@check("expiration_out_of_range")
def _():
    for minutes in (59, 1441):
        expect_service_error(
            lambda: client.get_token(
                state["user"], [CommunicationTokenScope.CHAT],
                token_expires_in=datetime.timedelta(minutes=minutes)),
            400, "ValidationError",
            f"ExpiresInMinutes value {minutes} is invalid. Value must be within the [60, 1440] interval.",
            "ExpiresInMinutes")
        expect_service_error(
            lambda: client.create_user_and_token(
                [CommunicationTokenScope.CHAT], token_expires_in=datetime.timedelta(minutes=minutes)),
            400, "ValidationError", target="ExpiresInMinutes")


@check("missing_and_unknown_scopes")
def _():
    expect_service_error(
        lambda: client.get_token(state["user"], None), 400, "ValidationError",
        "Scopes: The Scopes field is required.", "Scopes")
    expect_service_error(lambda: client.get_token(state["user"], ["video"]), 400, "ValidationError")


@check("unknown_identity")
def _():
    nobody = CommunicationUserIdentifier("8:acs:00000000-0000-4000-8000-000000000000_nobody")
    expect_service_error(lambda: client.revoke_tokens(nobody), 404, "IdentityNotFound")


@check("wrong_access_key")
def _():
    wrong_key = base64.b64encode(bytes(64)).decode()
    wrong = CommunicationIdentityClient.from_connection_string(f"endpoint={ENDPOINT}/;accesskey={wrong_key}")
    expect_service_error(wrong.create_user, 401, "Denied")


failures = [name for name, detail in results if detail is not None]
if failures:
    print(f"FAILED {len(failures)} of {len(results)}: {', '.join(failures)}")
    sys.exit(1)
print(f"ALL CHECKS PASSED {len(results)}")
