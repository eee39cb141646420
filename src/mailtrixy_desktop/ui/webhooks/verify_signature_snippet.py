# Verify a MailTrixy webhook delivery (Python 3, standard library).
#
# MailTrixy signs the raw request body with the webhook's secret
# (HMAC-SHA256) and sends the result in a header:
#     X-MailTrixy-Signature: sha256=<hex digest>
# Check it against the body exactly as received, before parsing.

import hashlib
import hmac


def verify_signature(raw_body: bytes, header: str, secret: str) -> bool:
    """True when ``header`` is MailTrixy's signature of ``raw_body``."""
    mac = hmac.new(secret.encode("utf-8"), raw_body, hashlib.sha256)
    expected = "sha256=" + mac.hexdigest()
    # Constant-time comparison: timing reveals nothing.
    return hmac.compare_digest(expected, header or "")


# For example, with Flask:
#
#     SECRET = os.environ["MAILTRIXY_WEBHOOK_SECRET"]
#
#     @app.post("/mailtrixy")
#     def mailtrixy_webhook():
#         header = request.headers.get("X-MailTrixy-Signature", "")
#         if not verify_signature(request.get_data(), header, SECRET):
#             abort(401)
#         event = request.get_json()  # {"event": "deal.won", ...}
#         return "", 204
