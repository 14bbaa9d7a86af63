package cn.zhifa.publicity;

/** A validated 双公示 exchange file ready to be offered: its name, media type, content and the rows it carries. */
public record ExchangeFile(String fileName, String contentType, byte[] content, int rows) {
}
