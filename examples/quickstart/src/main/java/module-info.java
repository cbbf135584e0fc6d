/**
 * A user's application: it reads jgram as named modules, the client ({@code dev.jgram}) and,
 * for the demonstration against a local cluster, the test cluster ({@code dev.jgram.testdc}).
 */
module com.example.quickstart {
  requires dev.jgram;
  requires dev.jgram.testdc;
}
