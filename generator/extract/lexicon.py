"""Word lists shared by the extractors, so that actors and quotes agree on what speech is."""

# Verbs that report speech: "X said", "told X". Each extractor adds the verbs only it needs.
SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|explained|noted|warned|urged|insisted|claimed|"
    r"confirmed|announced|declared|wrote|tweeted|argued|stressed|asked|replied|responded|vowed|"
    r"pledged"
)
