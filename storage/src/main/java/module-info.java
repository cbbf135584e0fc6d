/**
 * jgram's session storage. Exports the API ({@code dev.jgram.storage}) and other libraries'
 * session formats ({@code dev.jgram.storage.format}); the engines and their parts are public
 * to each other but not exported.
 */
module dev.jgram.storage {
  requires java.sql;
  requires org.xerial.sqlitejdbc;

  exports dev.jgram.storage;
  exports dev.jgram.storage.format;
}
