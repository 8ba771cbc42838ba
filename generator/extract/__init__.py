"""Per-article extraction stage: `article.extract_article` runs the extractors on one article."""
