package org.armswatch.chart;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.DefaultErrorHandler;
import org.apache.batik.svggen.DefaultExtensionHandler;
import org.apache.batik.svggen.DefaultStyleHandler;
import org.apache.batik.svggen.ImageHandlerBase64Encoder;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A chart as SVG through Apache Batik's SVGGraphics2D (Apache-2.0; JFreeSVG is GPLv3): the same drawing calls as the
 * PNG at its drawn size (640×450), text kept as text so the title can be found and read, and the title and alt text as
 * the SVG's title and desc for screen readers.
 */
final class SvgPicture {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** A browser without DejaVu Sans falls back to a look-alike sans-serif, never to a serif font. */
    private static final String FALLBACK_FONTS = ", 'Bitstream Vera Sans', Verdana, sans-serif";

    private SvgPicture() {}

    /**
     * One SVG at a time in the JVM: Batik formats every coordinate through DecimalFormats it keeps in a static array,
     * and a DecimalFormat used by two threads at once can write wrong digits. PNGs are drawn in parallel.
     */
    static synchronized byte[] svg(JFreeChart chart, String title, String altText) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .getDOMImplementation()
                    .createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML document builder in this Java runtime", e);
        }
        SVGGeneratorContext context = new Context(doc);
        context.setComment(null);
        context.setEmbeddedFontsOn(false);
        // Batik's default font is Java's logical "Dialog", which no browser knows.
        var defaults = new SVGGeneratorContext.GraphicContextDefaults();
        defaults.setFont(new Font(ChartStyle.FONT_FAMILY, Font.PLAIN, 12));
        context.setGraphicContextDefaults(defaults);
        SVGGraphics2D g2 = new SVGGraphics2D(context, false);
        g2.setSVGCanvasSize(new Dimension(ChartStyle.DRAWN_WIDTH, ChartStyle.DRAWN_HEIGHT));
        chart.draw(g2, new Rectangle2D.Double(0, 0, ChartStyle.DRAWN_WIDTH, ChartStyle.DRAWN_HEIGHT));

        Element root = g2.getRoot();
        root.setAttributeNS(null, "viewBox", "0 0 " + ChartStyle.DRAWN_WIDTH + " " + ChartStyle.DRAWN_HEIGHT);
        root.setAttributeNS(null, "role", "img");
        root.setAttributeNS(null, "aria-labelledby", "chart-title chart-desc");
        Element desc = doc.createElementNS(SVG_NS, "desc");
        desc.setAttributeNS(null, "id", "chart-desc");
        desc.setTextContent(altText);
        root.insertBefore(desc, root.getFirstChild());
        Element titleElement = doc.createElementNS(SVG_NS, "title");
        titleElement.setAttributeNS(null, "id", "chart-title");
        titleElement.setTextContent(title);
        root.insertBefore(titleElement, root.getFirstChild());
        addFallbackFonts(root);

        var bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            g2.stream(root, out, true, false);
        }
        // SVG 1.1 onwards needs no DOCTYPE, and one pointing at w3.org makes XML readers fetch it.
        String svg = bytes.toString(StandardCharsets.UTF_8).replaceFirst("<!DOCTYPE[^>]*>\\s*", "");
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    /** SVGGeneratorContext.createDefault's context, with coordinates to four places through {@link FourPlaces}. */
    private static final class Context extends SVGGeneratorContext {
        Context(Document doc) {
            super(doc);
            setIDGenerator(new SVGIDGenerator());
            setExtensionHandler(new DefaultExtensionHandler());
            setImageHandler(new ImageHandlerBase64Encoder());
            setStyleHandler(new DefaultStyleHandler());
            setErrorHandler(new DefaultErrorHandler());
            setPrecision(4);
            decimalFormat = new FourPlaces();
        }
    }

    private static void addFallbackFonts(Element element) {
        String family = element.getAttribute("font-family");
        if (!family.isEmpty() && !family.contains("sans-serif")) {
            element.setAttribute("font-family", family + FALLBACK_FONTS);
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element e) addFallbackFonts(e);
        }
    }
}
