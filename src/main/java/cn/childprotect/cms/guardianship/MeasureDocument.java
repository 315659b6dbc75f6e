package cn.childprotect.cms.guardianship;

/** A generated document: its file name (for the download) and the .docx bytes. */
public record MeasureDocument(String fileName, byte[] content) {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
