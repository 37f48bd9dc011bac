"""Publishing the map outside the live app: images rendered in Chromium, the static site and its
export, and screenshots for the documentation."""
