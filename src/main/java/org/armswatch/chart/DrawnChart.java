package org.armswatch.chart;

/**
 * A chart written to the charts folder, with the words that go beside it.
 *
 * @param fileName relative to the charts folder, e.g. "top-destinations.png"
 * @param widthPx the PNG's width in pixels
 * @param heightPx the PNG's height in pixels
 */
public record DrawnChart(String fileName, String title, String subtitle, String altText, int widthPx, int heightPx) {
}
