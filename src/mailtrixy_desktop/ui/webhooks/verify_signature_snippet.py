# Verify a MailTrixy webhook delivery in your receiver (Python 3, standard library).
#
# MailTrixy signs the raw request body with your webhook's secret (HMAC-SHA256)
# and sends the result as:   X-MailTrixy-Signature: sha256=<hex digest>
# Check it against the body exactly as received, before parsing the JSON.

import hashlib
import hmac


def verify_signature(raw_body: bytes, signature_header: str, secret: str) -> bool:
    """True when ``signature_header`` is MailTrixy's signature of ``raw_body``."""
    digest = hmac.new(secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest()
    # compare_digest takes the same time whatever matches, so it leaks nothing.
    return hmac.compare_digest("sha256=" + digest, signature_header or "")


# For example, with Flask:
#
#     SECRET = os.environ["MAILTRIXY_WEBHOOK_SECRET"]  # keep it out of your code
#
#     @app.post("/mailtrixy")
#     def mailtrixy_webhook():
#         signature = request.headers.get("X-MailTrixy-Signature", "")
#         if not verify_signature(request.get_data(), signature, SECRET):
#             abort(401)
#         event = request.get_json()  # {"event": "deal.won", "data": {...}, ...}
#         return "", 204
