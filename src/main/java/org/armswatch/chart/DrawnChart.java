package org.armswatch.chart;

/**
 * A chart written to the charts folder, as PNG and as SVG, with the words that go beside it.
 *
 * @param fileName the PNG, relative to the charts folder, e.g. "top-destinations.png"
 * @param svgFileName the same chart as SVG, e.g. "top-destinations.svg"
 * @param widthPx the PNG's width in pixels
 * @param heightPx the PNG's height in pixels
 */
public record DrawnChart(
        String fileName,
        String svgFileName,
        String title,
        String subtitle,
        String altText,
        int widthPx,
        int heightPx) {}
