"""The Webhooks pane: the workspace's webhooks, creating one (its secret shown once),
deleting one, and a guide to verifying deliveries."""
