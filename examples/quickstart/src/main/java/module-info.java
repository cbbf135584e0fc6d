/** A user's application: it reads jgram as the named module {@code dev.jgram}. */
module com.example.quickstart {
  requires dev.jgram;
}
