// d3-flextree ships no types; this is the part of its API the layout uses.
declare module 'd3-flextree' {
  export type FlexNode<T> = {
    data: T;
    x: number;
    y: number;
    depth: number;
    children?: FlexNode<T>[];
    parent: FlexNode<T> | null;
    each(callback: (node: FlexNode<T>) => void): void;
  };
  export type FlexLayout<T> = {
    (root: FlexNode<T>): FlexNode<T>;
    hierarchy(data: T, children?: (data: T) => T[] | undefined): FlexNode<T>;
  };
  export function flextree<T>(options: {
    nodeSize: (node: FlexNode<T>) => [number, number];
    spacing?: number | ((a: FlexNode<T>, b: FlexNode<T>) => number);
    children?: (data: T) => T[] | undefined;
  }): FlexLayout<T>;
}
