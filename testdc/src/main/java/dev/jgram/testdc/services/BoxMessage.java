package dev.jgram.testdc.services;

/**
 * A message in one account's private message box, as that account sees it.
 *
 * @param id the message id in this box
 * @param peerId the other user of the dialog (the account itself for Saved Messages)
 * @param fromId the sender
 * @param out whether the box's owner sent it
 * @param date when it was sent, in Unix seconds
 * @param pts the box's pts after this message (each message counts 1)
 * @param text the text
 */
record BoxMessage(int id, long peerId, long fromId, boolean out, int date, int pts,
    String text) {}
