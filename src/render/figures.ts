/**
 * A paragraph holding only an image becomes a figure, so the theme can centre
 * it (and let a lone image fill its slide); the image's title, as in
 * `![alt](plot.png "Caption")`, becomes its caption, as pandoc does.
 * `fig-align` still places it (see layout.css).
 */
import type {Element, Root} from 'hast'
import {walkType} from '../walk.js'

export function rehypeFigures() {
  return (tree: Root) => {
    walkType<Element>(tree, 'element', (node) => {
      if (node.tagName !== 'p') return
      const elements = node.children.filter((child): child is Element => child.type === 'element')
      const onlyImage = elements.length === 1 && elements[0]!.tagName === 'img'
      if (!onlyImage || node.children.some((child) => child.type === 'text' && child.value.trim() !== '')) return
      const image = elements[0]!
      // An image placed by hand (`{.absolute top=…}`) keeps its paragraph.
      if (classNames(image).includes('absolute')) return
      const caption = typeof image.properties.title === 'string' ? image.properties.title.trim() : ''
      delete image.properties.title
      node.tagName = 'figure'
      node.properties = {...node.properties, className: [...classNames(node), 'cd-figure']}
      node.children = [image]
      if (caption) node.children.push({type: 'element', tagName: 'figcaption', properties: {}, children: [{type: 'text', value: caption}]})
    })
  }
}

function classNames(node: Element): string[] {
  const value = node.properties.className
  return Array.isArray(value) ? value.map(String) : []
}
